import { Field, Int, ObjectType } from '@nestjs/graphql';
import { type Connection, DecimalScalar, PageInfo } from '@jcv/shared';
import { Bill } from './bill.entity.js';

@ObjectType({
  description:
    'Sums over every bill of the filter (not only the page); VOID bills count nothing, neither here nor in count.',
})
export class BillSums {
  @Field(() => Int, { description: 'Bills that are not VOID.' })
  count: number;

  @Field(() => DecimalScalar, { description: 'Rent and property fees, before relief.' })
  billed: string;

  @Field(() => DecimalScalar, { description: 'Rent relief, as a positive amount.' })
  relieved: string;

  @Field(() => DecimalScalar, { description: 'billed − relieved: the bills’ totals.' })
  total: string;

  @Field(() => DecimalScalar)
  paid: string;

  @Field(() => DecimalScalar)
  outstanding: string;
}

@ObjectType()
export class BillEdge {
  @Field()
  cursor: string;

  @Field(() => Bill)
  node: Bill;
}

/** A page of bills; `sums` is resolved when asked for, over the whole filter. */
@ObjectType()
export class BillConnection implements Connection<Bill> {
  @Field(() => [BillEdge])
  edges: BillEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  @Field(() => Int)
  totalCount: number;

  /** The sums of the filter the page was read with, read on demand. */
  sumsOf: () => Promise<BillSums>;
}
