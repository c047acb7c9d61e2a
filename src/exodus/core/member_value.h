#pragma once
// A numeric member of a struct, named by a variant of member pointers (double, or a whole
// number), read and written as a double: how the parameter registries reach the values they
// list. Whole numbers are rounded on writing.
#include <cmath>
#include <type_traits>
#include <variant>

namespace exodus {

template <typename Struct, typename Member>
double read_member(const Struct& s, const Member& member) {
  return std::visit([&](auto m) { return static_cast<double>(s.*m); }, member);
}

template <typename Struct, typename Member>
void write_member(Struct& s, const Member& member, double value) {
  std::visit(
      [&](auto m) {
        using T = std::remove_reference_t<decltype(s.*m)>;
        s.*m = static_cast<T>(std::is_integral_v<T> ? std::round(value) : value);
      },
      member);
}

}  // namespace exodus
