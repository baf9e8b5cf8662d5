/** Technology exchange, listings pages (en). Filled by the helper that owns them. */
export const webExchangeListings = {
  exchangeListings: {},
};
