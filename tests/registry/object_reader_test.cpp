// ObjectReader over the local-directory store: an object in pieces, all of one version.
#include "registry/object_reader.h"

#include <gtest/gtest.h>

#include <thread>

#include "local_world.h"

namespace heliocloud::registry {
namespace {

using test::LocalWorld;

std::string read_all(ObjectReader& reader) {
  std::string all;
  while (auto piece = reader.next()) {
    EXPECT_FALSE(piece->empty());
    all += *piece;
  }
  return all;
}

TEST(ObjectReader, ReadsAnObjectInPiecesOfOneVersion) {
  LocalWorld w;
  const std::string text = "0123456789abcdefghij";  // 20 bytes: pieces of 7, 7, 6; of 5 four, then the end
  w.text_file("uploads", "job/m.csv", text);
  for (const std::size_t piece : {1U, 5U, 7U, 20U, 64U}) {
    ObjectReader reader(*w.objects, "uploads", "job/m.csv", {}, piece);
    EXPECT_EQ(read_all(reader), text) << piece;
    EXPECT_FALSE(reader.missing());
    EXPECT_FALSE(reader.version().empty());
  }
  w.text_file("uploads", "job/empty.csv", "");
  ObjectReader empty(*w.objects, "uploads", "job/empty.csv");
  EXPECT_EQ(read_all(empty), "");
  EXPECT_FALSE(empty.missing());
  ObjectReader none(*w.objects, "uploads", "job/none.csv");
  EXPECT_FALSE(none.next());
  EXPECT_TRUE(none.missing());
}

TEST(ObjectReader, AnObjectReplacedBetweenPiecesIsAnError) {
  LocalWorld w;
  w.text_file("uploads", "job/m.csv", "first version, long enough for two pieces");
  ObjectReader reader(*w.objects, "uploads", "job/m.csv", {}, 8);
  ASSERT_TRUE(reader.next());
  const auto version = reader.version();
  std::this_thread::sleep_for(std::chrono::milliseconds(5));  // a new modification time
  w.objects->put("uploads", "job/m.csv", "second version, as long as the first one", "text/csv");
  try {
    (void)reader.next();
    FAIL() << "read on in another version";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("was replaced while it was being read"), std::string::npos)
        << e.what();
  }
  // Read again from the start with the version found first: the same error, not the new bytes.
  ObjectReader pinned(*w.objects, "uploads", "job/m.csv", version, 8);
  EXPECT_THROW((void)pinned.next(), StoreError);
  w.objects->remove("uploads", "job/m.csv");
  ObjectReader gone(*w.objects, "uploads", "job/m.csv", version, 8);
  EXPECT_THROW((void)gone.next(), StoreError);
}

}  // namespace
}  // namespace heliocloud::registry
