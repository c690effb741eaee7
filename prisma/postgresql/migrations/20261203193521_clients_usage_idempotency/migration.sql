-- CreateTable
CREATE TABLE "Client" (
    "id" TEXT NOT NULL,
    "resellerId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "status" TEXT NOT NULL DEFAULT 'agency',
    "planTier" TEXT NOT NULL DEFAULT 'agency',
    "includedMinutes" INTEGER NOT NULL DEFAULT 0,
    "phoneNumber" TEXT,
    "receptionistName" TEXT NOT NULL DEFAULT 'Sam',
    "industry" TEXT NOT NULL DEFAULT 'general',
    "voicePersona" TEXT NOT NULL DEFAULT 'sage',
    "language" TEXT NOT NULL DEFAULT 'English',
    "customGreeting" TEXT,
    "customInstructions" TEXT,
    "recordCalls" BOOLEAN NOT NULL DEFAULT true,
    "recordingNotice" BOOLEAN NOT NULL DEFAULT false,
    "afterHoursOnly" BOOLEAN NOT NULL DEFAULT false,
    "blockedNumbers" TEXT,
    "transferEnabled" BOOLEAN NOT NULL DEFAULT false,
    "transferNumber" TEXT,
    "transferTrigger" TEXT NOT NULL DEFAULT 'on_request',
    "quotePrices" BOOLEAN NOT NULL DEFAULT false,
    "pricingNotes" TEXT,
    "notifyEmail" TEXT,
    "notifySms" TEXT,
    "minutePolicy" TEXT NOT NULL DEFAULT 'overage',
    "spendCapCents" INTEGER NOT NULL DEFAULT 0,
    "timezone" TEXT NOT NULL DEFAULT 'America/New_York',
    "businessHours" TEXT NOT NULL,
    "periodStart" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Client_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UsageEntry" (
    "id" TEXT NOT NULL,
    "clientId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "minutes" INTEGER NOT NULL,
    "periodStart" TIMESTAMP(3) NOT NULL,
    "callSid" TEXT,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UsageEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IdempotencyRecord" (
    "id" TEXT NOT NULL,
    "resellerId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "result" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IdempotencyRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Client_resellerId_createdAt_idx" ON "Client"("resellerId", "createdAt");

-- CreateIndex
CREATE INDEX "Client_resellerId_status_idx" ON "Client"("resellerId", "status");

-- CreateIndex
CREATE INDEX "UsageEntry_clientId_periodStart_idx" ON "UsageEntry"("clientId", "periodStart");

-- CreateIndex
CREATE UNIQUE INDEX "UsageEntry_clientId_callSid_key" ON "UsageEntry"("clientId", "callSid");

-- CreateIndex
CREATE INDEX "IdempotencyRecord_expiresAt_idx" ON "IdempotencyRecord"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "IdempotencyRecord_resellerId_key_key" ON "IdempotencyRecord"("resellerId", "key");

-- AddForeignKey
ALTER TABLE "Client" ADD CONSTRAINT "Client_resellerId_fkey" FOREIGN KEY ("resellerId") REFERENCES "Reseller"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UsageEntry" ADD CONSTRAINT "UsageEntry_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "Client"("id") ON DELETE CASCADE ON UPDATE CASCADE;
