/** Technology exchange, connections pages (en). Filled by the helper that owns them. */
export const webExchangeConnections = {
  exchangeConnections: {},
};
