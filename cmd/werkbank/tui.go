package main

func (c *cli) runTUI() int {
	return c.fail(usagef("het scherm is er nog niet"))
}
