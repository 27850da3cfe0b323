-- Hand-written note: searches read the text postings (search_posting), built from the vectors, so the
-- GIN index on the vectors is no longer read. Dropping it makes every write of a wire cheaper and the
-- archive smaller; PostgreSQL still matches the few wires the postings miss, found by ordinal.

-- DropIndex
DROP INDEX "wire_search_vector_idx";
