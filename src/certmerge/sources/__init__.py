"""Mail sources: where raw mail comes from. Each yields RawMail in a stable order and says where it stands."""
