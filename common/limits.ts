/** Input limits shared by the server validators and the staff app forms. */
export const LIMITS = {
  name: 200,
  shortName: 40,
  email: 254,
  phone: 40,
  address: 500,
  url: 500,
  passwordMin: 10,
  passwordMax: 200,
  search: 100,
  pageSizeMax: 100,
  bodyBytes: 1_048_576,
  logoBytes: 2_097_152,
} as const;
