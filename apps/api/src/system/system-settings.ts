/** Keys of the system_setting table. */
export const SettingKey = {
  ProductName: 'product.name',
  DemoDataLoadedAt: 'demo.loaded_at',
  AdminUnitsEdition: 'admin_units.edition',
} as const;
