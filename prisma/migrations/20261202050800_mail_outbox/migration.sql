-- CreateEnum
CREATE TYPE "MailKind" AS ENUM ('PASSWORD_RESET', 'LOCKOUT_NOTICE');

-- CreateTable
CREATE TABLE "mail_outbox" (
    "id" BIGSERIAL NOT NULL,
    "kind" "MailKind" NOT NULL,
    "email" TEXT NOT NULL,
    "requested_ip" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "send_after" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "sent_at" TIMESTAMPTZ(3),
    "last_error" TEXT,

    CONSTRAINT "mail_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "mail_outbox_email_created_at_idx" ON "mail_outbox"("email", "created_at");

-- CreateIndex
CREATE INDEX "mail_outbox_requested_ip_created_at_idx" ON "mail_outbox"("requested_ip", "created_at");

-- CreateIndex
CREATE INDEX "mail_outbox_send_after_idx" ON "mail_outbox"("send_after");
