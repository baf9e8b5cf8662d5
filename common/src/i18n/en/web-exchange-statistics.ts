/** Technology exchange, statistics pages (en). Filled by the helper that owns them. */
export const webExchangeStatistics = {
  exchangeStatistics: {},
};
