/** Technology exchange, statistics pages (vi). Filled by the helper that owns them. */
export const webExchangeStatistics = {
  exchangeStatistics: {},
};
