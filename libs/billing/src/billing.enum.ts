import { registerEnumType } from '@nestjs/graphql';

/** What a bill is read as; OVERDUE is not stored but read from ISSUED and the due date. */
export enum BillStatus {
  ISSUED = 'ISSUED',
  PAID = 'PAID',
  OVERDUE = 'OVERDUE',
  VOID = 'VOID',
}
registerEnumType(BillStatus, {
  name: 'BillStatus',
  valuesMap: {
    ISSUED: { description: 'Issued, not yet due or not fully paid before its due date.' },
    PAID: { description: 'Fully paid.' },
    OVERDUE: { description: 'Past dueOn and not fully paid.' },
    VOID: { description: 'Cancelled with a reason; counts nothing.' },
  },
});

/** What the database keeps of a bill's status. */
export type StoredBillStatus = 'ISSUED' | 'PAID' | 'VOID';

export enum BillLineKind {
  RENT = 'RENT',
  PROPERTY_FEE = 'PROPERTY_FEE',
  RENT_RELIEF = 'RENT_RELIEF',
}
registerEnumType(BillLineKind, {
  name: 'BillLineKind',
  valuesMap: {
    RENT: { description: "租金: the lease's monthly rent for the days of the month it covers." },
    PROPERTY_FEE: {
      description: "物业费: area x the building's propertyFeePerSqm for those days.",
    },
    RENT_RELIEF: {
      description: '房租减免: a negative amount, rent relieved under a RENT_SUBSIDY grant.',
    },
  },
});
