/** Volume and negative-share spike detection against a trailing per-hour-of-week baseline. */
export {
  assessHour,
  type BaselineMethod,
  DEFAULT_SPIKE_OPTIONS,
  detectSpikes,
  type HourlySeries,
  type Spike,
  type SpikeEpisode,
  type SpikeKind,
  type SpikeOptions,
  spikeEpisodes,
  volumeBaseline,
} from "./detect-spikes";
