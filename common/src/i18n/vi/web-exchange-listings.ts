/** Technology exchange, listings pages (vi). Filled by the helper that owns them. */
export const webExchangeListings = {
  exchangeListings: {},
};
