export default function CockpitPage() {
  return <div>CockpitPage</div>;
}
