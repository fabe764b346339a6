#!/usr/bin/env python3
"""sayso inside PySpark: extract claims and events from a JSON Lines (or Parquet) dataset of
articles with `mapPartitions`, and write them as Parquet tables.

Each Spark task runs sayso's Python module on a whole partition at once
(`sayso.extract_many`, which releases the GIL and uses the task's cores), so the cost of
crossing from the JVM to Python is paid per partition, not per article.

Usage (local mode on one machine; the same script runs on a cluster with spark-submit):
    python examples/spark/claims_to_parquet.py INPUT OUT_DIR [--partitions N] [--master local[2]]

INPUT is JSON Lines (one article object a line: `text`, optional `id`, `published`, ...) or a
Parquet dataset with the same columns. Web pages come the same way, in an `html` column (the
page as a string, with `url` where it was fetched) instead of `text`: the page's article body
becomes the text and its headline, bylines and date fill in the rest. A page that holds no
article (an index page), or any other bad input, is counted in `failed` and skipped; the rest
of its partition is still written. OUT_DIR receives `claims/`, `events/` and `documents/` (one
row per article: id, counts) as Parquet, and the script prints the row counts, the failures
and the throughput.
"""
import argparse
import json
import sys
import time

from pyspark.sql import SparkSession
from pyspark.sql.types import IntegerType, StringType, StructField, StructType

CLAIMS = StructType(
    [
        StructField("article_id", StringType()),
        StructField("claim_id", StringType()),
        StructField("kind", StringType()),
        StructField("source", StringType()),
        StructField("source_entity", StringType()),
        StructField("cue", StringType()),
        StructField("cue_class", StringType()),
        StructField("content", StringType()),
        StructField("parent", StringType()),
        StructField("original_source", StringType()),
    ]
)
EVENTS = StructType(
    [
        StructField("article_id", StringType()),
        StructField("event_id", StringType()),
        StructField("type", StringType()),
        StructField("cameo", StringType()),
        StructField("trigger", StringType()),
        StructField("time", StringType()),
        StructField("claim", StringType()),
    ]
)
DOCUMENTS = StructType(
    [
        StructField("article_id", StringType()),
        StructField("published", StringType()),
        StructField("entities", IntegerType()),
        StructField("claims", IntegerType()),
        StructField("events", IntegerType()),
        StructField("times", IntegerType()),
    ]
)


def article_of(row):
    d = row.asDict()
    return {k: v for k, v in d.items() if v is not None}


def analyse(articles):
    """Documents for a partition's articles, in order, and how many failed: a bad page (an
    index page, say) is counted and dropped, the rest of the partition is kept."""
    import sayso  # imported on the executor

    results = sayso.extract_many(articles, return_exceptions=True)
    docs = [r for r in results if isinstance(r, sayso.Document)]
    return docs, len(results) - len(docs)


def extract_partition(rows):
    """Runs sayso over one partition; yields ("claim"|"event"|"document"|"failed", tuple) records."""
    articles = [article_of(r) for r in rows]
    if not articles:
        return
    docs, failed = analyse(articles)
    if failed:
        yield ("failed", (failed,))
    for doc in docs:
        d = doc.to_dict()
        aid = d["article"].get("id")
        for c in d["claims"]:
            chain = c.get("attributed_to") or []
            yield (
                "claim",
                (
                    aid,
                    c["id"],
                    c["kind"],
                    (c.get("source") or {}).get("text"),
                    (c.get("source") or {}).get("entity"),
                    (c.get("cue") or {}).get("text"),
                    (c.get("cue") or {}).get("class"),
                    c["content"]["text"],
                    c.get("parent"),
                    chain[-1].get("name") if chain else None,
                ),
            )
        for e in d["events"]:
            yield (
                "event",
                (
                    aid,
                    e["id"],
                    e["type"],
                    (e.get("cameo") or {}).get("code"),
                    (e.get("trigger") or {}).get("text"),
                    (e.get("time") or {}).get("value"),
                    e.get("claim"),
                ),
            )
        published = (d["article"].get("published") or {}).get("date")
        yield ("document", (aid, published, len(d["entities"]), len(d["claims"]), len(d["events"]), len(d["times"])))


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input")
    ap.add_argument("out_dir")
    ap.add_argument("--partitions", type=int, default=8)
    ap.add_argument("--master", default="local[2]")
    args = ap.parse_args(argv)

    spark = SparkSession.builder.master(args.master).appName("sayso-claims").getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    if args.input.endswith(".parquet") or not args.input.endswith(".jsonl"):
        articles = spark.read.parquet(args.input)
    else:
        # Spark infers the article columns (text, id, published, ...) from the lines.
        articles = spark.read.json(args.input)
    articles = articles.repartition(args.partitions)
    started = time.perf_counter()
    records = articles.rdd.mapPartitions(extract_partition).cache()
    claims = spark.createDataFrame(records.filter(lambda r: r[0] == "claim").map(lambda r: r[1]), CLAIMS)
    events = spark.createDataFrame(records.filter(lambda r: r[0] == "event").map(lambda r: r[1]), EVENTS)
    documents = spark.createDataFrame(records.filter(lambda r: r[0] == "document").map(lambda r: r[1]), DOCUMENTS)
    claims.write.mode("overwrite").parquet(f"{args.out_dir}/claims")
    events.write.mode("overwrite").parquet(f"{args.out_dir}/events")
    documents.write.mode("overwrite").parquet(f"{args.out_dir}/documents")
    seconds = time.perf_counter() - started
    counts = {
        "documents": spark.read.parquet(f"{args.out_dir}/documents").count(),
        "claims": spark.read.parquet(f"{args.out_dir}/claims").count(),
        "events": spark.read.parquet(f"{args.out_dir}/events").count(),
        "failed": records.filter(lambda r: r[0] == "failed").map(lambda r: r[1][0]).sum(),
    }
    print(json.dumps({**counts, "seconds": round(seconds, 2)}))
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
