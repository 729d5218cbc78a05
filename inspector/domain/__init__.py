"""Qt-free, SQL-free domain: checklists, people, line-ups and the pure rules over them."""
