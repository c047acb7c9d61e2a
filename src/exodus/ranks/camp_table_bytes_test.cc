#include "exodus/ranks/camp_table_bytes.h"

#include <gtest/gtest.h>

namespace exodus {
namespace {

CampTable two_day_table() {
  CampTable t;
  t.camps = {"Mbera", "Fassala"};
  t.sim = {{1, 2}, {3, -4}};
  t.data = {{5, 6}, {7, 8}};
  t.sim_in_camps = {3, -1};
  t.data_in_camps = {11, 15};
  t.agents = {9, 10};
  t.raw_count = {12, 13};
  t.debt = {0, 1};
  return t;
}

TEST(CampTableBytes, ATableComesBackExactly) {
  const CampTable t = two_day_table();
  ByteWriter w;
  put_camp_table(w, t);
  ByteReader r(w.bytes());
  const CampTable back = get_camp_table(r, t.camps);
  EXPECT_TRUE(r.done());
  EXPECT_EQ(back.camps, t.camps);
  EXPECT_EQ(back.sim, t.sim);
  EXPECT_EQ(back.data, t.data);
  EXPECT_EQ(back.sim_in_camps, t.sim_in_camps);
  EXPECT_EQ(back.data_in_camps, t.data_in_camps);
  EXPECT_EQ(back.agents, t.agents);
  EXPECT_EQ(back.raw_count, t.raw_count);
  EXPECT_EQ(back.debt, t.debt);
}

TEST(CampTableBytes, AnotherCaseOrAShortMessageIsAnError) {
  const CampTable t = two_day_table();
  ByteWriter w;
  put_camp_table(w, t);
  {
    ByteReader r(w.bytes());
    EXPECT_THROW(get_camp_table(r, {"Mbera"}), std::runtime_error);
  }
  auto bytes = w.bytes();
  bytes.resize(bytes.size() - 3);
  ByteReader r(bytes);
  EXPECT_THROW(get_camp_table(r, t.camps), std::runtime_error);
}

}  // namespace
}  // namespace exodus
