export default function FirmProfilePage() {
  return <div>FirmProfilePage</div>;
}
