// The counter behind AttributionWork(): candidates compared on this thread by name
// canonicalisation and by pronoun, role and continuation resolution, counted where the
// comparison happens so that tests can check the work grows linearly. Owns nothing else.
#pragma once

#include <cstdint>

namespace saidby::attribution_work {

inline thread_local uint64_t t_work = 0;

}  // namespace saidby::attribution_work
