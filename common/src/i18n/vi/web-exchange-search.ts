/** Technology exchange, search pages (vi). Filled by the helper that owns them. */
export const webExchangeSearch = {
  exchangeSearch: {},
};
