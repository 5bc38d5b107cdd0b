-- CreateTable
-- Hand-edited: UNLOGGED (Prisma cannot express it). The page cache is derived and rebuilt on
-- demand, so it skips the write-ahead log: faster writes, and after a crash it starts empty.
CREATE UNLOGGED TABLE "page_cache" (
    "key" TEXT NOT NULL,
    "version" BIGINT NOT NULL,
    "value" BYTEA NOT NULL,
    "last_modified" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "page_cache_pkey" PRIMARY KEY ("key")
);
