export default function BenefitsPage() {
  return <div>BenefitsPage</div>;
}
