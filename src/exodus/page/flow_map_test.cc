#include "exodus/page/flow_map.h"

#include <gtest/gtest.h>

#include <map>

namespace exodus {
namespace {

void add(SeriesTable& t, PlaceKind kind, const std::string& place, const std::string& metric, std::vector<double> values) {
  t.series()[t.add(kind, place, 0, metric)].values = std::move(values);
}

// One region whose leavers set off by road for a checkpoint and fly to a far destination.
SeriesTable three_days() {
  SeriesTable t(*Date::parse("2022-09-20"));
  add(t, PlaceKind::kTotal, "ALL", "departures", {0, 4, 10});
  add(t, PlaceKind::kDestination, "Near", "stock", {0, 2, 10});
  add(t, PlaceKind::kDestination, "Far", "stock", {0, 0, 2});
  add(t, PlaceKind::kCheckpoint, "North", "processed_leavers", {0, 3, 8});
  add(t, PlaceKind::kCheckpoint, "North", "refused", {0, 1, 0});
  add(t, PlaceKind::kCheckpoint, "North", "queue_vehicles", {0, 6, 3});
  add(t, PlaceKind::kFlight, "Home -> Far", "flown", {0, 0, 2});
  add(t, PlaceKind::kRoad, "Home -> North", "set_off", {0, 5, 10});
  add(t, PlaceKind::kRoad, "Home -> Hidden", "set_off", {1, 1, 1});  // a checkpoint with no position
  add(t, PlaceKind::kRoad, "Home -> Quiet", "set_off", {0, 0, 0});   // carried no one
  return t;
}

std::vector<MapPlace> places() {
  return {{"region", "Home", 55, 37, ""},       {"checkpoint", "North", 60, 30, "Near"}, {"checkpoint", "Hidden", {}, {}, "Near"},
          {"checkpoint", "Quiet", 50, 40, "Near"}, {"destination", "Near", 61, 25, ""},   {"destination", "Far", 40, 33, ""}};
}

const nlohmann::json* dataset_labelled(const PageChart& c, const std::string& label) {
  for (const auto& d : c.config["data"]["datasets"])
    if (d["label"] == label) return &d;
  return nullptr;
}

TEST(FlowMap, DrawsEveryCorridorThatCarriedAnyoneBetweenPlacedEnds) {
  const PageChart c = flow_map_chart(three_days(), places(), "Map");
  ASSERT_FALSE(c.title.empty());
  const auto& links = c.map["links"];
  ASSERT_EQ(links.size(), 3u);  // the road to North, the flight to Far, the crossing at North
  std::map<std::string, std::vector<double>> by_name;
  for (const auto& l : links) by_name[l["name"]] = l["values"].get<std::vector<double>>();
  EXPECT_EQ(by_name["Home -> North"], (std::vector<double>{0, 5, 10}));
  EXPECT_EQ(by_name["Home -> Far"], (std::vector<double>{0, 0, 2}));
  EXPECT_EQ(by_name["North -> Near"], (std::vector<double>{0, 2, 8}));  // served less refused
  EXPECT_EQ(by_name.count("Home -> Hidden"), 0u);
  EXPECT_EQ(by_name.count("Home -> Quiet"), 0u);
  // Each corridor's line runs between its ends' positions (longitude, latitude), out of the legend.
  const auto* road = dataset_labelled(c, "_Home -> North");
  ASSERT_NE(road, nullptr);
  EXPECT_EQ((*road)["data"][0]["x"], 37);
  EXPECT_EQ((*road)["data"][1]["y"], 60);
  const auto* flight = dataset_labelled(c, "_Home -> Far");
  ASSERT_NE(flight, nullptr);
  EXPECT_TRUE(flight->contains("borderDash"));
  EXPECT_FALSE(road->contains("borderDash"));
  EXPECT_EQ(c.map["max_flow"], 10);
  EXPECT_NE(c.note.find("1 place(s) without a position are left off"), std::string::npos) << c.note;
}

TEST(FlowMap, OpensOnTheBusiestDayAndSizesPlacesByQueueAndStock) {
  const PageChart c = flow_map_chart(three_days(), places(), "Map");
  EXPECT_EQ(c.map["day"], 2);  // 12 leavers on the move, against 5 the day before
  EXPECT_EQ(c.map["dates"].size(), 3u);
  EXPECT_EQ(c.map["dates"][2], "2022-09-22");
  bool queue = false, stock = false;
  for (const auto& s : c.map["sized"]) {
    const auto& set = c.config["data"]["datasets"][s["dataset"].get<std::size_t>()];
    if (s["unit"] == "vehicles queueing") {
      queue = true;
      ASSERT_EQ(set["data"].size(), 2u);  // North and Quiet; Hidden has no position
      EXPECT_EQ(s["values"][0], (std::vector<double>{0, 6, 3}));
      EXPECT_EQ(s["max"], 6);
    }
    if (s["unit"] == "leavers present") {
      stock = true;
      EXPECT_EQ(s["values"][0], (std::vector<double>{0, 2, 10}));
      EXPECT_EQ(s["values"][1], (std::vector<double>{0, 0, 2}));
    }
  }
  EXPECT_TRUE(queue);
  EXPECT_TRUE(stock);
}

TEST(FlowMap, NeedsTwoPlacedPlaces) {
  std::vector<MapPlace> one = {{"region", "Home", 55, 37, ""}, {"destination", "Near", {}, {}, ""}};
  EXPECT_TRUE(flow_map_chart(three_days(), one, "Map").title.empty());
  EXPECT_TRUE(flow_map_chart(SeriesTable(*Date::parse("2022-09-20")), places(), "Map").title.empty());
}

TEST(FlowMap, APageWithAMapHasItsDaySlider) {
  Page page;
  page.charts.push_back(flow_map_chart(three_days(), places(), "Map"));
  const std::string html = page_html(page);
  EXPECT_NE(html.find("<input type=\"range\" id=\"day-0\" min=\"0\" max=\"2\" value=\"2\">"), std::string::npos);
  EXPECT_NE(html.find("\"map\":{"), std::string::npos);
}

}  // namespace
}  // namespace exodus
