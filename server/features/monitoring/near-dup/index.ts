/** Near-duplicate detection: MinHash fingerprints, LSH index, release containment. */
export { containment, type Fingerprint, fingerprint, fingerprintTokens, jaccard, NUM_HASHES, SHINGLE_SIZE, similarity } from "./minhash";
export { DEFAULT_THRESHOLD, NearDupIndex, type NearDupIndexOptions, type NearDupMatch } from "./near-dup-index";
