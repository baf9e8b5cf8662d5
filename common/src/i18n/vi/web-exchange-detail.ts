/** Technology exchange, detail pages (vi). Filled by the helper that owns them. */
export const webExchangeDetail = {
  exchangeDetail: {},
};
