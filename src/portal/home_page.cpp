// GET / and the machine actions: the user's machines and costs, and start / stop / terminate.
#include <algorithm>
#include <cstdio>
#include <map>

#include "aws/errors.h"
#include "portal/cost_chart.h"
#include "portal/costs.h"
#include "portal/elapsed_time.h"
#include "portal/limits.h"
#include "portal/machine_list.h"
#include "portal/platform.h"
#include "portal/portal_page.h"
#include "portal/portal_site.h"
#include "web/http_error.h"

namespace heliocloud::portal {
namespace {

// AMI names for the cards; a deregistered image must not break the page, so a failure leaves them blank.
std::map<std::string, std::string> image_names(const PortalPage& page,
                                               const std::vector<aws::Instance>& machines) {
  std::vector<std::string> ids;
  for (const auto& m : machines)
    if (!m.image_id.empty() && std::ranges::find(ids, m.image_id) == ids.end()) ids.push_back(m.image_id);
  std::map<std::string, std::string> out;
  if (ids.empty()) return out;
  try {
    for (const auto& image : page.cloud().ec2().describe_images(ids)) out[image.image_id] = image.name;
  } catch (const aws::AwsError& e) {
    if (page.kit().log) page.kit().log(std::string("home: image names unavailable: ") + e.what());
  }
  return out;
}

nlohmann::json card(const aws::Instance& m, const std::map<std::string, std::string>& names,
                    std::chrono::system_clock::time_point now, const std::string& csrf_token) {
  const auto guess = guess_platform(m.platform_details, m.root_device_name);
  const auto name = names.find(m.image_id);
  const std::string ssh = ssh_command(m.key_name, guess.ssh_user,
                                      m.public_dns_name.empty() ? m.public_ip_address : m.public_dns_name);
  return {{"id", m.instance_id},
          {"name", aws::find_tag(m.tags, "Name").value_or("")},
          {"platform", guess.platform},
          {"image_name", name == names.end() ? std::string() : name->second},
          {"instance_type", m.instance_type},
          {"elapsed", elapsed_since(m.launch_time, now)},
          {"state", m.state},
          {"ssh", ssh},
          {"has_ssh", !ssh.empty()},
          {"csrf_token", csrf_token}};
}

// SVG coordinates with one decimal: finer is invisible and only makes the page longer.
std::string svg_number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  return text;
}

nlohmann::json chart_view(const CostChart& chart) {
  nlohmann::json view = {{"width", svg_number(chart.width)},
                         {"height", svg_number(chart.height)},
                         {"plot_left", svg_number(chart.plot_left)},
                         {"plot_right", svg_number(chart.plot_right)},
                         {"label_x", svg_number(chart.plot_left - 6)},
                         {"summary", chart.summary},
                         {"bars", nlohmann::json::array()},
                         {"ticks", nlohmann::json::array()}};
  for (const auto& bar : chart.bars)
    view["bars"].push_back({{"x", svg_number(bar.x)},
                            {"y", svg_number(bar.y)},
                            {"width", svg_number(bar.width)},
                            {"height", svg_number(bar.height)},
                            {"label_x", svg_number(bar.x + (bar.width / 2))},
                            {"label_y", svg_number(chart.plot_bottom + 16)},
                            {"label", bar.label},
                            {"title", bar.title}});
  for (const auto& tick : chart.ticks)
    view["ticks"].push_back(
        {{"y", svg_number(tick.y)}, {"label_y", svg_number(tick.y + 4)}, {"label", tick.label}});
  return view;
}

}  // namespace

web::Response home_page(const PortalPage& page) {
  const MachineActions machines(page.cloud().ec2(), page.owner());
  const auto all = machines.list();
  const auto lists = split_machines(all);
  const auto names = image_names(page, all);
  const auto now = page.kit().options.now();
  const auto costs =
      read_costs(page.cloud().cost_explorer(), page.owner(),
                 std::chrono::year_month_day(std::chrono::floor<std::chrono::days>(now)), page.kit().log);

  nlohmann::json view = {{"title", "Home"},
                         {"cost_month", costs.this_month.value_or("cost unavailable")},
                         {"cost_year", costs.last_12_months.value_or("cost unavailable")},
                         {"running", nlohmann::json::array()},
                         {"stopped", nlohmann::json::array()}};
  if (!costs.months.empty()) view["cost_chart"] = chart_view(cost_chart(costs.months));
  for (const auto& m : lists.running)
    view["running"].push_back(card(m, names, now, page.request().csrf_token));
  for (const auto& m : lists.stopped)
    view["stopped"].push_back(card(m, names, now, page.request().csrf_token));
  if (count_running(all) >= kMaxRunningMachines)
    view["limit_message"] =
        "You have " + std::to_string(kMaxRunningMachines) +
        " running machines, the most allowed: stop one before starting or launching another.";
  if (const auto launched = page.request().query.get("launched"); launched && is_instance_id(*launched))
    view["notice"] = "Launched " + *launched + ".";
  return page.render("home", view);
}

web::Response machine_action(const PortalPage& page, std::string_view action) {
  const MachineActions machines(page.cloud().ec2(), page.owner());
  const std::string id = page.request().path_params.get("id").value_or("");
  if (action == "start") {
    machines.start(id);
  } else if (action == "stop") {
    machines.stop(id);
  } else {
    machines.terminate(id);
  }
  return web::Response::see_other("/");
}

}  // namespace heliocloud::portal
