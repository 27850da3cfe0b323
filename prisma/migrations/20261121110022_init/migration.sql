-- Hand-written: trigram search (GIN gin_trgm_ops indexes) needs pg_trgm.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "SourcingStandard" AS ENUM ('PROVISIONAL', 'STANDARD', 'CONFIRMED');

-- CreateEnum
CREATE TYPE "WireStatus" AS ENUM ('PUBLISHED', 'CORRECTED', 'WITHDRAWN', 'MERGED');

-- CreateEnum
CREATE TYPE "SourceKind" AS ENUM ('PRIMARY', 'REPORT', 'ANALYSIS');

-- CreateEnum
CREATE TYPE "RationaleBasis" AS ENUM ('CLASSIFICATION_RUN', 'EDITOR_AMENDMENT');

-- CreateTable
CREATE TABLE "provider" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "url" TEXT,

    CONSTRAINT "provider_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "provider_alias" (
    "id" SERIAL NOT NULL,
    "provider_id" INTEGER NOT NULL,
    "alias" TEXT NOT NULL,
    "normalized" TEXT NOT NULL,

    CONSTRAINT "provider_alias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "code_family" (
    "letter" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,

    CONSTRAINT "code_family_pkey" PRIMARY KEY ("letter")
);

-- CreateTable
CREATE TABLE "code" (
    "code" TEXT NOT NULL,
    "family_letter" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "definition" TEXT NOT NULL,

    CONSTRAINT "code_pkey" PRIMARY KEY ("code")
);

-- CreateTable
CREATE TABLE "wire" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "headline" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "occurred_on" DATE NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "severity" SMALLINT NOT NULL,
    "sourcing_standard" "SourcingStandard" NOT NULL,
    "status" "WireStatus" NOT NULL DEFAULT 'PUBLISHED',
    "status_note" TEXT,
    "merged_into_id" TEXT,

    CONSTRAINT "wire_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "source" (
    "id" SERIAL NOT NULL,
    "wire_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "publisher" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "published_on" DATE,
    "kind" "SourceKind" NOT NULL,
    "archived_url" TEXT,

    CONSTRAINT "source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "wire_provider" (
    "wire_id" TEXT NOT NULL,
    "provider_id" INTEGER NOT NULL,
    "position" SMALLINT NOT NULL DEFAULT 1,

    CONSTRAINT "wire_provider_pkey" PRIMARY KEY ("wire_id","provider_id")
);

-- CreateTable
CREATE TABLE "wire_code" (
    "wire_id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "position" SMALLINT NOT NULL DEFAULT 1,

    CONSTRAINT "wire_code_pkey" PRIMARY KEY ("wire_id","code")
);

-- CreateTable
CREATE TABLE "wire_link" (
    "from_id" TEXT NOT NULL,
    "to_id" TEXT NOT NULL,
    "position" SMALLINT NOT NULL DEFAULT 1,

    CONSTRAINT "wire_link_pkey" PRIMARY KEY ("from_id","to_id")
);

-- CreateTable
CREATE TABLE "rationale" (
    "wire_id" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "basis" "RationaleBasis" NOT NULL,
    "basis_label" TEXT NOT NULL,
    "basis_date" DATE NOT NULL,
    "test" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rationale_pkey" PRIMARY KEY ("wire_id")
);

-- CreateTable
CREATE TABLE "rationale_revision" (
    "id" SERIAL NOT NULL,
    "wire_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "basis" "RationaleBasis" NOT NULL,
    "basis_label" TEXT NOT NULL,
    "basis_date" DATE NOT NULL,
    "test" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rationale_revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "guide" (
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "guide_pkey" PRIMARY KEY ("slug")
);

-- CreateTable
CREATE TABLE "guide_code" (
    "guide_slug" TEXT NOT NULL,
    "code" TEXT NOT NULL,

    CONSTRAINT "guide_code_pkey" PRIMARY KEY ("guide_slug","code")
);

-- CreateTable
CREATE TABLE "guide_provider" (
    "guide_slug" TEXT NOT NULL,
    "provider_id" INTEGER NOT NULL,

    CONSTRAINT "guide_provider_pkey" PRIMARY KEY ("guide_slug","provider_id")
);

-- CreateTable
CREATE TABLE "wire_guide" (
    "wire_id" TEXT NOT NULL,
    "guide_slug" TEXT NOT NULL,

    CONSTRAINT "wire_guide_pkey" PRIMARY KEY ("wire_id","guide_slug")
);

-- CreateIndex
CREATE UNIQUE INDEX "provider_slug_key" ON "provider"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "provider_alias_normalized_key" ON "provider_alias"("normalized");

-- CreateIndex
CREATE INDEX "provider_alias_provider_id_idx" ON "provider_alias"("provider_id");

-- CreateIndex
CREATE UNIQUE INDEX "code_family_letter_number_key" ON "code"("family_letter", "number");

-- CreateIndex
CREATE INDEX "wire_published_at_id_idx" ON "wire"("published_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "wire_occurred_on_id_idx" ON "wire"("occurred_on" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "wire_severity_idx" ON "wire"("severity");

-- CreateIndex
CREATE INDEX "wire_status_idx" ON "wire"("status");

-- CreateIndex
CREATE INDEX "wire_merged_into_id_idx" ON "wire"("merged_into_id");

-- CreateIndex
CREATE UNIQUE INDEX "source_wire_id_position_key" ON "source"("wire_id", "position");

-- CreateIndex
CREATE INDEX "wire_provider_provider_id_wire_id_idx" ON "wire_provider"("provider_id", "wire_id");

-- CreateIndex
CREATE INDEX "wire_code_code_wire_id_idx" ON "wire_code"("code", "wire_id");

-- CreateIndex
CREATE INDEX "wire_link_to_id_idx" ON "wire_link"("to_id");

-- CreateIndex
CREATE INDEX "rationale_basis_idx" ON "rationale"("basis");

-- CreateIndex
CREATE UNIQUE INDEX "rationale_revision_wire_id_version_key" ON "rationale_revision"("wire_id", "version");

-- CreateIndex
CREATE INDEX "guide_code_code_idx" ON "guide_code"("code");

-- CreateIndex
CREATE INDEX "guide_provider_provider_id_idx" ON "guide_provider"("provider_id");

-- CreateIndex
CREATE INDEX "wire_guide_guide_slug_idx" ON "wire_guide"("guide_slug");

-- AddForeignKey
ALTER TABLE "provider_alias" ADD CONSTRAINT "provider_alias_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "provider"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "code" ADD CONSTRAINT "code_family_letter_fkey" FOREIGN KEY ("family_letter") REFERENCES "code_family"("letter") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wire" ADD CONSTRAINT "wire_merged_into_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "wire"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "source" ADD CONSTRAINT "source_wire_id_fkey" FOREIGN KEY ("wire_id") REFERENCES "wire"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wire_provider" ADD CONSTRAINT "wire_provider_wire_id_fkey" FOREIGN KEY ("wire_id") REFERENCES "wire"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wire_provider" ADD CONSTRAINT "wire_provider_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "provider"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wire_code" ADD CONSTRAINT "wire_code_wire_id_fkey" FOREIGN KEY ("wire_id") REFERENCES "wire"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wire_code" ADD CONSTRAINT "wire_code_code_fkey" FOREIGN KEY ("code") REFERENCES "code"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wire_link" ADD CONSTRAINT "wire_link_from_id_fkey" FOREIGN KEY ("from_id") REFERENCES "wire"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wire_link" ADD CONSTRAINT "wire_link_to_id_fkey" FOREIGN KEY ("to_id") REFERENCES "wire"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rationale" ADD CONSTRAINT "rationale_wire_id_fkey" FOREIGN KEY ("wire_id") REFERENCES "wire"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "rationale_revision" ADD CONSTRAINT "rationale_revision_wire_id_fkey" FOREIGN KEY ("wire_id") REFERENCES "wire"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "guide_code" ADD CONSTRAINT "guide_code_guide_slug_fkey" FOREIGN KEY ("guide_slug") REFERENCES "guide"("slug") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "guide_code" ADD CONSTRAINT "guide_code_code_fkey" FOREIGN KEY ("code") REFERENCES "code"("code") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "guide_provider" ADD CONSTRAINT "guide_provider_guide_slug_fkey" FOREIGN KEY ("guide_slug") REFERENCES "guide"("slug") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "guide_provider" ADD CONSTRAINT "guide_provider_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "provider"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wire_guide" ADD CONSTRAINT "wire_guide_wire_id_fkey" FOREIGN KEY ("wire_id") REFERENCES "wire"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wire_guide" ADD CONSTRAINT "wire_guide_guide_slug_fkey" FOREIGN KEY ("guide_slug") REFERENCES "guide"("slug") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: rationale revisions are append-only.
CREATE FUNCTION rationale_revision_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'rationale_revision is append-only: % refused', TG_OP;
END;
$$;
CREATE TRIGGER rationale_revision_no_update BEFORE UPDATE OR DELETE ON "rationale_revision"
  FOR EACH ROW EXECUTE FUNCTION rationale_revision_append_only();
-- Hand-written: severity is an ordinal from 1 (gravest) to 5.
ALTER TABLE "wire" ADD CONSTRAINT "wire_severity_range" CHECK ("severity" BETWEEN 1 AND 5);
