import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The relief ledger: what bills have relieved of one grant so far. Its CHECK keeps `relieved`
 * within the granted amount, which is copied in when the grant is first drawn on.
 */
@Entity('rent_relief_totals')
export class RentReliefTotal {
  @PrimaryColumn({ name: 'benefit_application_id', type: 'uuid' })
  benefitApplicationId: string;

  @Column({ name: 'granted_amount', type: 'numeric', precision: 16, scale: 2 })
  grantedAmount: string;

  @Column({ type: 'numeric', precision: 16, scale: 2 })
  relieved: string;
}
