package common

// Cursor is a selection in a list that scrolls within a window of rows.
type Cursor struct {
	Index  int
	Offset int
}

// Move shifts the selection by delta within total rows and keeps it visible in height rows.
func (c *Cursor) Move(delta, total, height int) {
	c.Index = min(max(c.Index+delta, 0), max(total-1, 0))
	c.Clamp(total, height)
}

// Clamp keeps the selection and window valid after the list changed.
func (c *Cursor) Clamp(total, height int) {
	if total == 0 {
		c.Index, c.Offset = 0, 0
		return
	}
	c.Index = min(max(c.Index, 0), total-1)
	height = max(height, 1)
	if c.Index < c.Offset {
		c.Offset = c.Index
	}
	if c.Index >= c.Offset+height {
		c.Offset = c.Index - height + 1
	}
	c.Offset = min(max(c.Offset, 0), max(total-height, 0))
}

// Marker is the text marker of a selected row (never colour alone).
func Marker(selected bool) string {
	if selected {
		return "›"
	}
	return " "
}
