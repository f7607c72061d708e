/**
 * Plain-Java exact and near-duplicate detection; the Beam wiring lives in the pipelines module and
 * calls these functions stage by stage. {@link org.provenant.dedup.DedupSettings} holds the one
 * configuration every stage shares.
 *
 * <ol>
 *   <li>Exact: {@link org.provenant.dedup.exact.ExactKey#of} per document; group by key; the
 *       {@link org.provenant.dedup.cluster.SurvivorRule} picks the kept document of each group.
 *   <li>Signatures: {@link org.provenant.dedup.minhash.MinHashSigner#sign} per document (one
 *       signer per worker, built in {@code @Setup}, closed in {@code @Teardown}).
 *   <li>Banding: {@link org.provenant.dedup.lsh.LshBanding#bandKeys} per signature; group by
 *       {@link org.provenant.dedup.lsh.BandKey}; within a bucket, handle a pair only if {@link
 *       org.provenant.dedup.lsh.LshBanding#firstSharedBand} is the bucket's band (no global
 *       distinct needed), and keep it if {@link org.provenant.dedup.lsh.SimilarityVerifier}
 *       accepts it. A verified pair is an {@link org.provenant.dedup.cluster.Edge}.
 *   <li>Clusters: rounds of {@link org.provenant.dedup.cluster.StarConnectedComponents} large-star
 *       and small-star steps, one group-by-node each, until a round reports no change.
 *   <li>Survivors: group {@link org.provenant.dedup.cluster.ClusterMember}s by component; {@link
 *       org.provenant.dedup.cluster.SurvivorRule#survivor} picks the kept one.
 * </ol>
 *
 * <p>{@link org.provenant.dedup.quality.PairQuality} measures recall and precision of the verified
 * pairs against the exact truth on corpora of up to about 20,000 documents.
 */
package org.provenant.dedup;
