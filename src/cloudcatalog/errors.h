#pragma once
// CatalogError: a CloudCatalog endpoint that cannot be read as the spec says. The message names the object
// (its s3:// or https:// address), where in it (line, or the JSON path of the field) and what to fix.
#include <stdexcept>
#include <string>

namespace heliocloud::cloudcatalog {

class CatalogError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The endpoint or object does not exist (no catalog.json, no such bucket, no such dataset id).
class CatalogNotFound : public CatalogError {
 public:
  using CatalogError::CatalogError;
};

// The object exists or may exist but could not be read: access denied, throttled, unreachable. The message
// carries the store's or server's own words (which may name accounts and roles): log it, and show a web user
// something plainer.
class CatalogAccessError : public CatalogError {
 public:
  using CatalogError::CatalogError;
};

}  // namespace heliocloud::cloudcatalog
