export default function DeskBoardPage() {
  return <div>DeskBoardPage</div>;
}
