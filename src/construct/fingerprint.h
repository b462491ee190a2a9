#pragma once
// Source hash of an asset, byte-for-byte aws-cdk-lib's FileSystem.fingerprint with default options, so an
// unchanged Lambda directory keeps its S3 key and CloudFormation does not redeploy it.

#include <filesystem>
#include <string>

namespace heliocloud::construct {

class FingerprintCache;

// SHA-256 (hex) over the file or the directory tree at `path`; `cache` (optional) skips unchanged files.
std::string fingerprint(const std::filesystem::path& path, FingerprintCache* cache = nullptr);

// "<size>:<sha256 hex>" of one file; text files (no NUL in the first 8 KiB) are hashed with CRLF read as LF,
// so a checkout on Windows gives the same hash.
std::string content_fingerprint(const std::filesystem::path& file);

}  // namespace heliocloud::construct
