/** Technology exchange, matching pages (vi). Filled by the helper that owns them. */
export const webExchangeMatching = {
  exchangeMatching: {},
};
