-- Group chat rooms (issue 7): a room is addressed like a user (sip:NAME@domain) and relays a
-- MESSAGE from one member to every other member.

CREATE TABLE chat_rooms (
  name TEXT NOT NULL PRIMARY KEY
);

-- Members by user name. No foreign key to users: removing a user leaves the row, and the room
-- simply no longer reaches anyone under that name until the user is added again.
CREATE TABLE chat_room_members (
  room   TEXT NOT NULL REFERENCES chat_rooms (name) ON DELETE CASCADE,
  member TEXT NOT NULL,
  PRIMARY KEY (room, member)
);
