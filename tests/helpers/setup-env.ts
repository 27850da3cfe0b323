// Runs before each test file, before anything imports lib/env.ts (which reads process.env once).
if (process.env.TEST_DATABASE_URL) {
  process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
} else {
  delete process.env.DATABASE_URL;
  process.env.ARCHIVE_DATA_DIR = "memory://";
}
// Tests decide what the database holds.
process.env.ARCHIVE_AUTO_IMPORT = "0";
