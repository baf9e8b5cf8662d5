/** Technology exchange, review pages (en). Filled by the helper that owns them. */
export const webExchangeReview = {
  exchangeReview: {},
};
