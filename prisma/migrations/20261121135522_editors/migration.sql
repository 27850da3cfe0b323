-- CreateEnum
CREATE TYPE "RevisionKind" AS ENUM ('IMPORT', 'AMENDMENT', 'RESTORE');

-- CreateEnum
CREATE TYPE "EditorRole" AS ENUM ('EDITOR', 'ADMIN');

-- AlterTable
ALTER TABLE "rationale_revision" ADD COLUMN     "editor_id" UUID,
ADD COLUMN     "kind" "RevisionKind" NOT NULL DEFAULT 'IMPORT',
ADD COLUMN     "previous_test" TEXT,
ADD COLUMN     "previous_text" TEXT,
ADD COLUMN     "restored_from" INTEGER;

-- CreateTable
CREATE TABLE "editor" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "role" "EditorRole" NOT NULL DEFAULT 'EDITOR',
    "password_hash" TEXT NOT NULL,
    "password_changed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "disabled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "editor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "editor_session" (
    "token_hash" TEXT NOT NULL,
    "editor_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "absolute_expires_at" TIMESTAMPTZ(3) NOT NULL,
    "user_agent" TEXT,

    CONSTRAINT "editor_session_pkey" PRIMARY KEY ("token_hash")
);

-- CreateTable
CREATE TABLE "sign_in_throttle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "window_start" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_until" TIMESTAMPTZ(3),

    CONSTRAINT "sign_in_throttle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "action" TEXT NOT NULL,
    "editor_id" UUID,
    "wire_id" TEXT,
    "address" TEXT,
    "detail" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "editor_email_key" ON "editor"("email");

-- CreateIndex
CREATE INDEX "editor_session_editor_id_idx" ON "editor_session"("editor_id");

-- CreateIndex
CREATE INDEX "editor_session_expires_at_idx" ON "editor_session"("expires_at");

-- CreateIndex
CREATE INDEX "audit_event_editor_id_at_idx" ON "audit_event"("editor_id", "at");

-- CreateIndex
CREATE INDEX "audit_event_wire_id_at_idx" ON "audit_event"("wire_id", "at");

-- CreateIndex
CREATE INDEX "audit_event_action_at_idx" ON "audit_event"("action", "at");

-- CreateIndex
CREATE INDEX "rationale_revision_editor_id_created_at_idx" ON "rationale_revision"("editor_id", "created_at");

-- CreateIndex
CREATE INDEX "rationale_revision_created_at_idx" ON "rationale_revision"("created_at");

-- AddForeignKey
ALTER TABLE "rationale_revision" ADD CONSTRAINT "rationale_revision_editor_id_fkey" FOREIGN KEY ("editor_id") REFERENCES "editor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "editor_session" ADD CONSTRAINT "editor_session_editor_id_fkey" FOREIGN KEY ("editor_id") REFERENCES "editor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_editor_id_fkey" FOREIGN KEY ("editor_id") REFERENCES "editor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Hand-written: the audit trail is append-only, like the rationale's revisions.
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP;
END;
$$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON "audit_event"
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
-- Hand-written: every revision says why it was written.
ALTER TABLE "rationale_revision" ADD CONSTRAINT "rationale_revision_reason_present" CHECK (length(btrim("reason")) > 0);
ALTER TABLE "editor" ADD CONSTRAINT "editor_email_normalized" CHECK ("email" = lower(btrim("email")));
