/** Technology exchange, review pages (vi). Filled by the helper that owns them. */
export const webExchangeReview = {
  exchangeReview: {},
};
