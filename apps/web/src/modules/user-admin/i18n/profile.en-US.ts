/** Name, office and phone of an account. */
export const userAdminProfileEn = {
  office: 'Office',
  officeHint: 'Shown after the name, e.g. Quality Development Section, Enshi Market Regulation',
  officeTooLong: 'At most 100 characters',
  phone: 'Phone',
  phoneHint: 'Optional, e.g. 0718-8221234 or 13800000000; extension as “转123”',
  phoneInvalid: 'This is not a valid phone number',
  action: 'Edit profile',
  title: 'Edit profile: {{username}}',
  submit: 'Save',
  done: 'Saved the profile of {{name}}',
  displayNameTooLong: 'At most 100 characters',
};
