import type { SocialSourceKind } from "../../../../common/monitoring-intake-enums";
import { fetchFacebookComments, fetchInstagramComments } from "./graph-comments";
import type { SocialDeps, SocialFetchResult, SocialSource } from "./social-types";
import { fetchXRecent } from "./x-recent-search";
import { fetchYoutubeComments } from "./youtube-comments";

const CONNECTORS: Record<SocialSourceKind, (deps: SocialDeps, source: SocialSource) => Promise<SocialFetchResult>> = {
  x: fetchXRecent,
  youtube: fetchYoutubeComments,
  facebook: fetchFacebookComments,
  instagram: fetchInstagramComments,
};

/**
 * One fetch of a social source: the new posts or comments as RawItems and the cursor to store
 * once they are ingested. Throws SocialError when nothing could be fetched (token refused,
 * rate limited from the first call, platform down).
 */
export function fetchSocialSource(deps: SocialDeps, source: SocialSource): Promise<SocialFetchResult> {
  return CONNECTORS[source.kind](deps, source);
}
