/** Technology exchange, matching pages (en). Filled by the helper that owns them. */
export const webExchangeMatching = {
  exchangeMatching: {},
};
