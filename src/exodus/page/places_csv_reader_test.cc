#include "exodus/page/places_csv_reader.h"

#include <gtest/gtest.h>

#include "exodus/core/error.h"

namespace exodus {
namespace {

const std::string kHeader = "kind,place,latitude,longitude,leads_to\n";

TEST(PlacesCsvReader, ReadsPositionsAndWhereCheckpointsLead) {
  const auto places = read_places_csv({"places.csv", kHeader +
                                                         "region,\"Central\",55.75,37.62,\"\"\n"
                                                         "checkpoint,\"Verkhny Lars\",42.77,44.63,\"Georgia\"\n"
                                                         "destination,\"Georgia\",,,\"\"\n"});
  ASSERT_EQ(places.size(), 3u);
  EXPECT_EQ(places[0].kind, "region");
  EXPECT_EQ(places[0].name, "Central");
  EXPECT_DOUBLE_EQ(*places[0].latitude, 55.75);
  EXPECT_DOUBLE_EQ(*places[0].longitude, 37.62);
  EXPECT_EQ(places[1].leads_to, "Georgia");
  EXPECT_FALSE(places[2].latitude.has_value());  // no position given: the map leaves it off
  EXPECT_FALSE(places[2].longitude.has_value());
}

TEST(PlacesCsvReader, BadRowsAreNamed) {
  const auto error_of = [](const std::string& rows) {
    try {
      read_places_csv({"places.csv", kHeader + rows});
    } catch (const InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(error_of("town,\"A\",1,2,\"\"\n").find("places.csv:2: field 'kind'"), std::string::npos);
  EXPECT_NE(error_of("region,\"A\",north,2,\"\"\n").find("places.csv:2: field 'latitude'"), std::string::npos);
  EXPECT_NE(error_of("region,\"A\",1,2,\"\"\nregion,\"B\",1,181,\"\"\n").find("places.csv:3: field 'longitude'"), std::string::npos);
  EXPECT_NE(error_of("region,\"A\",-90.5,2,\"\"\n").find("field 'latitude'"), std::string::npos);
  EXPECT_NE(error_of("region,\"A\",10,,\"\"\n").find("places.csv:2: field 'longitude'"), std::string::npos);
  EXPECT_NE(error_of("region,\"A\",,10,\"\"\n").find("places.csv:2: field 'latitude'"), std::string::npos);
  EXPECT_EQ(error_of("region,\"A\",-90,180,\"\"\n"), "no error");  // the poles and the date line are on the globe
}

}  // namespace
}  // namespace exodus
