export default function SpacePage() {
  return <div>SpacePage</div>;
}
