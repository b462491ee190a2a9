#include "custom_resources/provider.h"

#include <algorithm>
#include <exception>
#include <future>
#include <iostream>
#include <thread>

namespace heliocloud::custom_resources {

using Clock = std::chrono::system_clock;

void Provider::add(const std::string& resource_type, std::unique_ptr<ResourceHandler> handler) {
  handlers_[resource_type] = std::move(handler);
}

std::string failed_create_id(const Event& event) {
  return event.logical_resource_id + "-create-failed-" + event.request_id;
}

bool is_failed_create_id(const Event& event) {
  return event.physical_resource_id.starts_with(event.logical_resource_id + "-create-failed-");
}

namespace {

Response failed(const Event& event, std::string reason) {
  Response r;
  r.status = Status::Failed;
  r.reason = std::move(reason);
  r.physical_resource_id =
      event.physical_resource_id.empty() ? failed_create_id(event) : event.physical_resource_id;
  return r;
}

// The answer for a finished handler: its output, or FAILED with what it threw.
Response answer_from(const Event& event, std::future<HandlerOutput>& result) {
  try {
    HandlerOutput out = result.get();
    Response response;
    response.physical_resource_id =
        out.physical_resource_id.empty() ? event.physical_resource_id : out.physical_resource_id;
    if (response.physical_resource_id.empty()) response.physical_resource_id = event.logical_resource_id;
    response.data = std::move(out.data);
    response.no_echo = out.no_echo;
    return response;
  } catch (const std::exception& e) {
    return failed(event, e.what());
  } catch (...) {
    return failed(event, "the handler failed with a non-standard exception");
  }
}

}  // namespace

void Provider::run(const Event& event, Clock::time_point stop_by, Clock::time_point answer_by,
                   const std::function<void(const Response&)>& deliver) const {
  if (event.request_type == RequestType::Delete && is_failed_create_id(event)) {
    Response r;
    r.physical_resource_id = event.physical_resource_id;
    r.reason = "nothing to delete: the resource was never created";
    deliver(r);
    return;
  }
  const auto it = handlers_.find(event.resource_type);
  if (it == handlers_.end()) {
    std::string known;
    for (const auto& [type, h] : handlers_) known += (known.empty() ? "" : ", ") + type;
    deliver(failed(event,
                   "unknown ResourceType " + event.resource_type + " (this provider handles " + known + ")"));
    return;
  }
  // The handler runs on its own thread so that this one can answer when the deadline nears, even while the
  // handler is blocked in a call. It is joined either way, after the answer is out: nothing outlives the
  // request (if the handler never returns, Lambda ends the process at the deadline, the stack already
  // answered).
  std::packaged_task<HandlerOutput()> task([&] { return it->second->handle(event, stop_by); });
  auto result = task.get_future();
  std::thread worker(std::move(task));
  if (result.wait_until(answer_by) == std::future_status::ready) {
    worker.join();
    deliver(answer_from(event, result));
    return;
  }
  deliver(failed(event,
                 event.resource_type + " " + std::string(to_string(event.request_type)) +
                     " did not finish before the Lambda timeout; answered FAILED so that the stack does not "
                     "wait for an hour"));
  worker.join();
}

ProviderOutcome Provider::handle(std::string_view payload, Clock::time_point deadline) const {
  ProviderOutcome outcome;
  const auto now = Clock::now();
  const auto left = std::max(Clock::duration::zero(), deadline - now);
  // Keep back options_.reserve, or a third of what is left when the invocation is short.
  const auto reserve = std::min<Clock::duration>(options_.reserve, left / 3);
  const auto answer_by = deadline - reserve;
  const auto stop_by = deadline - 2 * reserve;

  const ParsedEvent parsed = parse_event(payload);
  const Event& event = parsed.event;
  if (event.response_url.empty()) {
    // Without a ResponseURL no answer is possible: fail the invocation so it shows in the function's errors.
    outcome.reason = "cannot answer CloudFormation: " + parsed.error_text();
    outcome.delivery_error = outcome.reason;
    std::cerr << "custom-resource: " << outcome.reason << "\n";
    return outcome;
  }
  const auto deliver = [&](const Response& response) {
    outcome.status = response.status;
    outcome.reason = response.reason;
    outcome.body = response_body(event, response);
    // The ResponseURL is a credential (anyone holding it can answer): log everything but it.
    std::cerr << "custom-resource: " << to_string(event.request_type) << " " << event.resource_type << " "
              << event.logical_resource_id << " (" << response.physical_resource_id << "): "
              << (response.status == Status::Success ? std::string("SUCCESS") : "FAILED: " + response.reason)
              << "\n";
    const Delivery delivery =
        send_response(event.response_url, outcome.body, deadline - std::chrono::milliseconds(500));
    outcome.responded = delivery.ok;
    if (!delivery.ok) {
      outcome.delivery_error = delivery.error + " after " + std::to_string(delivery.attempts) + " attempts";
      std::cerr << "custom-resource: " << outcome.delivery_error << "\n";
    }
  };
  if (parsed.ok()) {
    run(event, stop_by, answer_by, deliver);
  } else {
    deliver(failed(event, "bad request: " + parsed.error_text()));
  }
  return outcome;
}

}  // namespace heliocloud::custom_resources
