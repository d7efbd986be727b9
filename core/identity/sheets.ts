/** Identity's Excel workbook (我的数据), apart from its index so that what imports identity carries no exceljs. */
export * from './my-data-sheet';
