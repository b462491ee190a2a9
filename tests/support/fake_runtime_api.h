#pragma once
// The Lambda Runtime API as the tests need it: hands out a scripted list of invocations on /next, accepts
// every /response and /error, and once the list is exhausted drops connections (the sandbox "going away"),
// which makes the runtime loop give up. Built on FakeHttpServer, so every request is recorded.
#include <chrono>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>

#include "fake_http_server.h"

namespace heliocloud::testing {

struct ScriptedInvocation {
  std::string request_id;
  std::string payload;
  std::string trace_id = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
  std::chrono::milliseconds time_left{60000};  // deadline = now + this, when handed out
};

class FakeRuntimeApi {
 public:
  static constexpr const char* kFunctionArn = "arn:aws:lambda:us-east-1:123456789012:function:test-function";

  explicit FakeRuntimeApi(std::deque<ScriptedInvocation> script, int response_status = 202)
      : script_(std::move(script)),
        response_status_(response_status),
        server_([this](const RecordedRequest& r) { return answer(r); }) {}

  std::string authority() const { return server_.authority(); }
  // One more invocation after the scripted ones (a function that invokes itself asynchronously).
  void enqueue(ScriptedInvocation invocation) {
    std::scoped_lock lock(mu_);
    script_.push_back(std::move(invocation));
  }
  std::vector<RecordedRequest> requests() const { return server_.requests(); }
  // Requests other than GET /next (what the runtime posted), in order.
  std::vector<RecordedRequest> posts() const {
    std::vector<RecordedRequest> out;
    for (auto& r : server_.requests()) {
      if (r.method == "POST") out.push_back(r);
    }
    return out;
  }

 private:
  CannedResponse answer(const RecordedRequest& r) {
    if (r.method == "GET" && r.target == "/2018-06-01/runtime/invocation/next") {
      std::scoped_lock lock(mu_);
      if (script_.empty()) return {0, {}, {}, true};
      ScriptedInvocation inv = script_.front();
      script_.pop_front();
      const auto deadline = std::chrono::duration_cast<std::chrono::milliseconds>(
          (std::chrono::system_clock::now() + inv.time_left).time_since_epoch());
      return {200,
              {{"Lambda-Runtime-Aws-Request-Id", inv.request_id},
               {"Lambda-Runtime-Deadline-Ms", std::to_string(deadline.count())},
               {"Lambda-Runtime-Invoked-Function-Arn", kFunctionArn},
               {"Lambda-Runtime-Trace-Id", inv.trace_id},
               {"Content-Type", "application/json"}},
              inv.payload,
              false};
    }
    if (r.method == "POST" && r.target.ends_with("/response"))
      return {response_status_, {}, "{\"status\":\"OK\"}", false};
    if (r.method == "POST") return {202, {}, "{\"status\":\"OK\"}", false};
    return {404, {}, "unexpected request", false};
  }

  std::mutex mu_;
  std::deque<ScriptedInvocation> script_;
  int response_status_;
  FakeHttpServer server_;  // last: its thread starts once the script is in place
};

}  // namespace heliocloud::testing
