// Status and Result<T>: how saidby reports failures that users cause.
//
// A bad article, invalid UTF-8 or a broken rule file is an expected failure: it is returned
// as a value naming the place (file, line, column or byte) and the reason, never thrown and
// never printed by the library. Programmer errors are assertions instead.
// Cost: a Status is one string; ok() holds none.
//
// Example:
//   Result<Document> doc = ReadDocument(...);
//   if (!doc.ok()) log(doc.status().message());
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace saidby {

class Status {
 public:
  Status() = default;
  static Status Error(std::string message) { return Status(std::move(message)); }

  bool ok() const { return !message_.has_value(); }
  // REQUIRES: !ok()
  const std::string& message() const {
    assert(message_);
    return *message_;
  }

 private:
  explicit Status(std::string message) : message_(std::move(message)) {}
  std::optional<std::string> message_;
};

template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) { assert(!status_.ok()); }  // NOLINT

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  // REQUIRES: ok()
  T& value() & {
    assert(ok());
    return *value_;
  }
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace saidby
