/** Technology exchange, connections pages (en). */
export const webExchangeConnections = {
  exchangeConnections: {
    interest: {
      button: 'Express interest',
      signIn: 'Sign in to express interest',
      title: 'Express interest',
      intro: 'Answer three questions so the owner understands what you need. The owner accepts or declines; once accepted, the two organisations talk in a private message thread.',
      submit: 'Send expression of interest',
      sent: 'Your expression of interest was sent. The owner has been notified.',
      openConnection: 'See your connection for this listing',
      notPublished: 'The listing is not published',
    },
    questions: {
      cooperationSought: 'What cooperation are you looking for?',
      cooperationSoughtHint: 'For example: technology with equipment, a licence, a joint venture, consulting…',
      missingInformation: 'What information is still missing?',
      missingInformationHint: 'Points to clarify before going further.',
      aboutUs: 'Who are we?',
      aboutUsHint: 'Field of activity, size, related needs or capabilities.',
    },
  },
};
