/** Technology exchange, detail pages (en): the listing page, access requests, files. */
export const webExchangeDetail = {
  exchangeDetail: {
    requestStatuses: { pending: 'Awaiting the owner', approved: 'Approved', declined: 'Declined', revoked: 'Revoked', withdrawn: 'Withdrawn' },
    export: {
      incomingFilename: 'access-requests-received',
      mineFilename: 'access-requests-sent',
      sheet: 'Access requests',
      createdAt: 'Sent on',
      reference: 'Reference',
      title: 'Listing title',
      requester: 'Requester',
      organisation: 'Organisation',
      status: 'Status',
      decidedAt: 'Decided on',
      message: 'Message',
      decisionNote: "Owner's note",
    },
    files: {
      none: 'No files attached.',
      roles: { image: 'Image', document: 'Document' },
      file: 'File (PNG, JPEG, WebP image or PDF)',
      caption: 'Caption',
      upload: 'Upload',
      uploadTitle: 'Upload a file',
      limits: 'PNG, JPEG, WebP images up to 5 MB; PDF documents up to 20 MB. The file type is checked from its content.',
      tooLarge: 'The file is too large (at most {{size}}).',
      progress: 'Uploading: {{percent}}%',
      remove: 'Remove {{name}} from the listing',
    },
  },
};
